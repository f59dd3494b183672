package dev.sfcrimestats.socrata;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Which data request gets which {@link Fault}, and the page count faults are aimed by. Each data request asks
 * {@link #decide()} once: it gets the first armed fault aiming at the current page (persistent faults first), or
 * else the next page index. Hung requests wait here until the faults are cleared or the fake closes.
 */
final class FaultPlan {

    /** What one data request gets: a fault (then no page), or a page index (then no fault). */
    record Decision(Fault fault, int page) {
    }

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault) {
            this.fault = fault;
            this.remaining = fault.requests();
        }
    }

    private final List<Armed> armed = new ArrayList<>();
    private final List<CountDownLatch> hung = new ArrayList<>();
    private int pagesServed;
    private boolean closed;

    /** Arms a fault. */
    synchronized void add(Fault fault) {
        armed.add(new Armed(fault));
    }

    /** Disarms every fault and lets hung requests be answered. */
    synchronized void clear() {
        armed.clear();
        hung.forEach(CountDownLatch::countDown);
        hung.clear();
    }

    /** Lets hung requests go and marks the plan closed, so they drop their connections instead of answering. */
    synchronized void close() {
        closed = true;
        hung.forEach(CountDownLatch::countDown);
        hung.clear();
    }

    /** How many pages have been served (the index the next unfaulted data request gets). */
    synchronized int pagesServed() {
        return pagesServed;
    }

    /** The fault or page for the data request being answered. */
    synchronized Decision decide() {
        for (boolean persistentPass : new boolean[] {true, false}) {
            for (Iterator<Armed> each = armed.iterator(); each.hasNext(); ) {
                Armed candidate = each.next();
                if (candidate.fault.persistent() == persistentPass && candidate.fault.aimsAt(pagesServed)) {
                    if (!persistentPass && --candidate.remaining == 0) {
                        each.remove();
                    }
                    return new Decision(candidate.fault, -1);
                }
            }
        }
        return new Decision(null, pagesServed++);
    }

    /**
     * Blocks a hung request until the faults are cleared (then it gets a page index and is answered: returns the
     * index) or the fake closes or the thread is interrupted (returns -1: drop the connection).
     */
    int hang() {
        CountDownLatch release = new CountDownLatch(1);
        synchronized (this) {
            if (closed) {
                return -1;
            }
            hung.add(release);
        }
        try {
            release.await();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return -1;
        }
        synchronized (this) {
            return closed ? -1 : pagesServed++;
        }
    }
}
