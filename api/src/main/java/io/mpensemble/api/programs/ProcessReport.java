package io.mpensemble.api.programs;

import java.util.List;

/**
 * What one tutorial process printed, in order, and which service process it ran in.
 *
 * @param process the tutorial's name for the process ({@code p1})
 * @param service the service that played it
 * @param pid the operating-system process id it ran in
 * @param lines the lines it printed
 */
public record ProcessReport(String process, String service, long pid, List<String> lines) {

    public ProcessReport {
        lines = List.copyOf(lines);
    }
}
