/** The Kafka side of the contract between the services: topic names, and how a service knows its broker is there. */
package io.mpensemble.contracts.kafka;
