package io.mpensemble.gateway.printer;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import io.mpensemble.api.programs.PrintRecordsRequest;
import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.ReceiveMessagesRequest;

/**
 * printer-service's API as the gateway calls it; its address is
 * {@code spring.http.serviceclient.printer-service.base-url} ({@code PRINTER_SERVICE_URL}).
 */
@HttpExchange(url = "/api", accept = "application/json", contentType = "application/json")
public interface PrinterServiceClient {

    String GROUP = "printer-service";

    /** Runs the manager program's p2, the printer, on the manager's list. */
    @PostExchange("/manager/print-records")
    ProcessReport printRecords(@RequestBody PrintRecordsRequest request);

    /** Runs the pipe program's p2, the receiver, on a pipe end printer-service hosts, until "END" or EOF. */
    @PostExchange("/pipe/receive")
    ProcessReport receiveMessages(@RequestBody ReceiveMessagesRequest request);
}
