package org.tsestudio.app.export;

import java.nio.file.Path;
import java.util.List;
import org.tsestudio.engine.audio.AudioSignal;

/**
 * One file to write.
 *
 * @param file where
 * @param signal what, still at its own rate
 * @param rate the rate to write at
 * @param inputs every file the export's items were read from: the engine refuses to write there
 */
public record ExportJob(Path file, AudioSignal signal, int rate, List<Path> inputs) {}
