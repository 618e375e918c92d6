package org.tsestudio.app.export;

import java.nio.file.Path;
import org.tsestudio.engine.audio.AudioSignal;

/**
 * One file to write.
 *
 * @param file where
 * @param signal what, still at its own rate
 * @param rate the rate to write at
 */
public record ExportJob(Path file, AudioSignal signal, int rate) {}
