package io.mpensemble.pipes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.mpensemble.support.id.Ids;

/**
 * Asks a process to host one end of a pipe whose other end lives in the process at {@code peerUrl}.
 *
 * @param pipe the pipe's id
 * @param end which end this process hosts, 0 or 1
 * @param duplex whether the pipe is two-way ({@code Pipe(duplex=True)}); one-way: end 0 reads, end 1 writes
 * @param peerUrl the base URL of the process hosting the other end
 * @param streamKey the pipe's secret ({@link Pipes#newStreamKey()}), which the process at {@code peerUrl} holds too:
 *        every request between the two ends carries it
 */
public record HostPipeEnd(@NotBlank @Pattern(regexp = Ids.FORMAT) String pipe,
        @NotNull @Min(0) @Max(1) Integer end, @NotNull Boolean duplex,
        @NotBlank @Pattern(regexp = "https?://.+") String peerUrl,
        @NotNull @Pattern(regexp = Pipes.STREAM_KEY_FORMAT, message = "must be 22 to 200 base64url characters")
        String streamKey) {
}
