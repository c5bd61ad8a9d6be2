package io.mpensemble.squareworker.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.mpensemble.support.programs.ProcessReporterAutoConfiguration;

@WebMvcTest(IsolationController.class)
@ImportAutoConfiguration(ProcessReporterAutoConfiguration.class)
class IsolationControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void p1ReportsItsLineAndItsOwnPid() {
        assertThat(post("{\"numbers\": [3, 12345678901234567890]}"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"process": "p1", "service": "square-worker",
                         "lines": ["Result(in process p1): [9, 152415787532388367501905199875019052100]"]}
                        """)
                .extractingPath("$.pid").isEqualTo((int) ProcessHandle.current().pid());
    }

    @Test
    void aFloatIsRejectedNamingTheElement() {
        assertThat(post("{\"numbers\": [1, 2.5]}"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"type": "urn:mp-ensemble:problem:invalid-body", "field": "numbers[1]"}
                        """);
    }

    @Test
    void aMissingListIsRejected() {
        assertThat(post("{}")).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("numbers");
    }

    private MockMvcTester.MockMvcRequestBuilder post(String body) {
        return mvc.post().uri("/api/isolation/square-list").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
