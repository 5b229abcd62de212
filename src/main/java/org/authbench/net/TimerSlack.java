package org.authbench.net;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Linux lets a sleeping thread wake up to its timer slack late (50 µs by default), and the delay proxy's waker
 * sleeps until each delayed buffer is due, twice per round trip: {@code prctl(PR_SET_TIMERSLACK, 1)} on that thread
 * takes the slack out. Elsewhere, or if the call fails, nothing changes and the calibration shows the lateness.
 */
final class TimerSlack {

    private static final int PR_SET_TIMERSLACK = 29;

    private TimerSlack() {
    }

    /** For the calling thread; true when the kernel took it. */
    static boolean minimise() {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            return CLib.INSTANCE.prctl(PR_SET_TIMERSLACK, 1, 0, 0, 0) == 0;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    private interface CLib extends Library {
        CLib INSTANCE = Native.load("c", CLib.class);

        int prctl(int option, long arg2, long arg3, long arg4, long arg5);
    }
}
