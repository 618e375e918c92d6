package org.tsestudio.app.playback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A blind comparison of contenders (e.g. the v7 and v8 outputs): they sit behind anonymous slots
 * that are shuffled again after every pick, the listener picks the slot that sounds better, and the
 * tally per contender is only revealed on request.
 */
public final class BlindTest {
  private final List<String> contenders;
  private final Random random;
  private final List<String> order;
  private final List<String> picks = new ArrayList<>();

  public BlindTest(List<String> contenders, Random random) {
    if (contenders.size() < 2) {
      throw new IllegalArgumentException("a blind test needs at least two contenders");
    }
    this.contenders = List.copyOf(contenders);
    this.random = random;
    this.order = new ArrayList<>(contenders);
    Collections.shuffle(order, random);
  }

  public int slots() {
    return order.size();
  }

  /** The contender hidden behind a slot (used by the player, never shown while blind). */
  public String hiddenAt(int slot) {
    return order.get(slot);
  }

  /** Records that the listener preferred {@code slot}, then reshuffles for the next trial. */
  public void pick(int slot) {
    picks.add(order.get(slot));
    Collections.shuffle(order, random);
  }

  public int trials() {
    return picks.size();
  }

  /** Picks per contender, in the contenders' order, zero included. */
  public Map<String, Integer> tally() {
    Map<String, Integer> tally = new LinkedHashMap<>();
    for (String c : contenders) {
      tally.put(c, 0);
    }
    for (String p : picks) {
      tally.merge(p, 1, Integer::sum);
    }
    return tally;
  }

  /** The picks in order, for export or review. */
  public List<String> history() {
    return List.copyOf(picks);
  }

  /** "Blind tally: v7 3 · v8 5 (of 8 picks)". */
  public String summary() {
    StringBuilder s = new StringBuilder("Blind tally: ");
    boolean first = true;
    for (var e : tally().entrySet()) {
      s.append(first ? "" : " · ").append(e.getKey()).append(' ').append(e.getValue());
      first = false;
    }
    int total = trials();
    return s.append(" (of ").append(total).append(total == 1 ? " pick)" : " picks)").toString();
  }
}
