package io.mpensemble.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class SquareJobTest {

    @Test
    void resultsLandInInputOrderAndTheJobIsDoneWhenEveryOneHasArrived() {
        SquareJob job = new SquareJob("job-1", 3);
        job.accept(2, BigInteger.valueOf(9));
        job.accept(0, BigInteger.ONE);
        assertThat(job.view()).isEqualTo(new SquareJobView("job-1", 3, 2, 0, false));
        job.accept(1, BigInteger.valueOf(4));
        assertThat(job.view().done()).isTrue();
        assertThat(job.results()).containsExactly(BigInteger.ONE, BigInteger.valueOf(4), BigInteger.valueOf(9));
    }

    @Test
    void aSecondResultForTheSameNumberIsCountedAsADuplicateAndIgnored() {
        SquareJob job = new SquareJob("job-1", 1);
        job.accept(0, BigInteger.ONE);
        job.accept(0, BigInteger.TEN);
        assertThat(job.view()).isEqualTo(new SquareJobView("job-1", 1, 1, 1, true));
        assertThat(job.results()).containsExactly(BigInteger.ONE);
    }
}
