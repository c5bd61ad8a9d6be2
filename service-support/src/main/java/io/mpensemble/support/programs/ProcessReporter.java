package io.mpensemble.support.programs;

import java.util.List;

import io.mpensemble.api.programs.ProcessReport;

/**
 * This service process as it plays a tutorial process: each {@link ProcessReport} it makes names this service and
 * this operating-system process, so a transcript shows which process printed what.
 */
public final class ProcessReporter {

    private final String service;
    private final long pid = ProcessHandle.current().pid();

    public ProcessReporter(String service) {
        this.service = service;
    }

    /** What the tutorial's process {@code process} ({@code p1}, {@code p2}) printed, played here. */
    public ProcessReport report(String process, List<String> lines) {
        return new ProcessReport(process, service, pid, lines);
    }
}
