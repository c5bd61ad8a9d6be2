package io.mpensemble.gateway.program;

import io.mpensemble.api.programs.ProcessReport;

/** What a program prints, in order: each {@code print(line)} is the line and a newline, as in Python. */
public final class Transcript {

    private final StringBuilder text = new StringBuilder();

    /** Everything a process printed. */
    public Transcript print(ProcessReport process) {
        process.lines().forEach(this::print);
        return this;
    }

    /** One {@code print(line)} of the main program. */
    public Transcript print(String line) {
        text.append(line).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
