package io.mpensemble.recordservice.metrics;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every Manager and shared-memory operation timed in one place: {@code mp.ensemble.manager.operations}, tagged with
 * the object {@code kind} (value, array, lock, list, dict, session), the {@code operation} (the controller method:
 * {@code append}, {@code setDefault}, {@code acquire}, ...) and the {@code outcome} (success, client_error,
 * server_error). The web layer is thin, so a handler's time is the operation's time.
 */
@Configuration(proxyBeanMethods = false)
class ManagerMetrics implements WebMvcConfigurer {

    static final String OPERATIONS = "mp.ensemble.manager.operations";

    private static final Map<String, String> KINDS = Map.of("ValueController", "value", "ArrayController", "array",
            "LockController", "lock", "ListController", "list", "DictController", "dict", "ManagerController",
            "session");

    private static final String SAMPLE = ManagerMetrics.class.getName() + ".sample";

    private final MeterRegistry meters;

    ManagerMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {

            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && kind(method) != null) {
                    request.setAttribute(SAMPLE, Timer.start(meters));
                }
                return true;
            }

            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                    Exception ex) {
                if (request.getAttribute(SAMPLE) instanceof Timer.Sample sample
                        && handler instanceof HandlerMethod method) {
                    sample.stop(timer(kind(method), operation(method), outcome(response.getStatus())));
                }
            }
        }).addPathPatterns("/api/**");
    }

    Timer timer(String kind, String operation, String outcome) {
        return Timer.builder(OPERATIONS)
            .description("Manager and shared-memory operations on record-service's objects")
            .tag("kind", kind)
            .tag("operation", operation)
            .tag("outcome", outcome)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(60))
            .register(meters);
    }

    static String kind(HandlerMethod method) {
        return KINDS.get(method.getBeanType().getSimpleName());
    }

    /** The controller method's name; a lock's acquire and release are the same operation on a Value or an Array. */
    static String operation(HandlerMethod method) {
        String name = method.getMethod().getName();
        return name.replaceFirst("(Value|Array)Lock$", "");
    }

    static String outcome(int status) {
        return status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success";
    }
}
