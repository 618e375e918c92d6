package org.tsestudio.engine.audio;

import java.lang.management.ManagementFactory;

/** Bytes of heap the current thread has allocated so far: a measured bound on memory use. */
final class Allocation {
  private Allocation() {}

  static long currentThreadBytes() {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
