package org.tsestudio.app.tracks;

import org.tsestudio.app.model.Clip;

/**
 * One lane of the track view.
 *
 * @param role what the lane shows
 * @param key stable identity: the role name, or the model name for outputs
 * @param title the header text, e.g. "Mixture" or "v8 output"
 * @param clip the audio
 */
public record Track(TrackRole role, String key, String title, Clip clip) {}
