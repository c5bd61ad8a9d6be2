package io.mpensemble.pipes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Pipe settings of a service that hosts pipe ends ({@code mp-ensemble.pipes.*}).
 *
 * @param bufferSize the inbound buffer of one end: a sender waits while the receiver has this much unread (a message
 *        larger than this still passes, alone)
 * @param maxMessageSize the largest message (JSON text or bytes)
 * @param maxTimeout the longest a recv or poll waits (an HTTP request cannot wait forever as Python's recv can), and
 *        the longest a send waits for room in the other end's buffer when both ends are in this process
 * @param pingInterval the longest an open stream to another process stays silent: an idle one carries a ping,
 *        well inside the servers' read timeouts, so a quiet pipe stays open and a dead peer is still noticed
 * @param connectTimeout how long opening a stream to another process may take
 * @param maxEnds the most pipe ends one process hosts at once
 * @param idleTimeout a pipe with both ends in this process (the gateway's public pipes) on whose ends no call was
 *        made for this long is closed and forgotten, so a pipe a client abandons does not hold memory for good
 * @param advertisedUrl this process's base URL as its pipe peers reach it; set where a process hands its address to a
 *        peer (the gateway, from {@code PIPE_ADVERTISED_URL})
 */
@ConfigurationProperties("mp-ensemble.pipes")
public record PipeProperties(@DefaultValue("1MB") DataSize bufferSize, @DefaultValue("16MB") DataSize maxMessageSize,
        @DefaultValue("60s") Duration maxTimeout, @DefaultValue("5s") Duration pingInterval,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10000") int maxEnds,
        @DefaultValue("10m") Duration idleTimeout, String advertisedUrl) {

    long bufferBytes() {
        return bufferSize.toBytes();
    }

    int maxMessageBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 64, maxMessageSize.toBytes());
    }
}
