package io.mpensemble.gateway.program;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * What every tutorial program's endpoint is alike: a POST whose JSON body, if any, is the program's input, answered
 * with the transcript as UTF-8 text, or with a 400 problem naming what is wrong with the input.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(method = RequestMethod.POST, produces = ProgramsController.TEXT_PLAIN_UTF8)
@ApiResponse(responseCode = "400", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
@interface ProgramEndpoint {

    /** The program's path under {@code /api/programs}. */
    @AliasFor(annotation = RequestMapping.class, attribute = "path")
    String value();

    /** The input the program refuses with the 400 problem, for the API description. */
    @AliasFor(annotation = ApiResponse.class, attribute = "description")
    String refuses();
}
