package io.mpensemble.gateway.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every tutorial program's end-to-end test starts with: the shared running ensemble, and the program run without
 * a body printing the tutorial's own transcript byte for byte.
 */
abstract class TutorialProgramIT {

    static Programs programs;

    private final String program;

    TutorialProgramIT(String program) {
        this.program = program;
    }

    @BeforeAll
    static void ensemble() throws Exception {
        programs = new Programs(Ensemble.shared());
    }

    @Test
    void withoutABodyItPrintsTheTutorialsTranscriptByteForByte() throws Exception {
        programs.assertPrintsTheTutorialsTranscript(program);
    }
}
