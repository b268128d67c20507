package app.pathary.cli;

import app.pathary.job.JobContext;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows a job's progress: a progress bar on a terminal, a plain line every tenth of the way otherwise (on stderr). */
final class CliProgress implements JobContext, AutoCloseable {
    private final String task;
    private final boolean terminal = System.console() != null;
    private ProgressBar bar;
    private int lastTenth = -1;

    CliProgress(String task) {
        this.task = task;
    }

    @Override
    public synchronized void progress(int done, int total) {
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(total, 1))
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
            }
            bar.maxHint(Math.max(total, 1));
            bar.stepTo(done);
            return;
        }
        int tenth = total <= 0 ? 0 : (int) (10L * done / total);
        if (tenth != lastTenth) {
            lastTenth = tenth;
            System.err.println(task + ": " + done + " of " + total);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
