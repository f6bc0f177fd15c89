/**
 * How a model was made, captured once per run and saved with it: the producer and its version, the
 * DJL and engine versions, the JVM, the machine (OS, CPU model, processors), the time (UTC) and the
 * SHA-256 of every data file read. Written beside the outputs and into the exported model's
 * metadata, and read back as the same typed records.
 */
package dev.resltj.trainer.provenance;
