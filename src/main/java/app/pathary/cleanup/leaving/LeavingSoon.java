package app.pathary.cleanup.leaving;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.config.LeavingOptions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leaving-soon lifecycle: eligible → leaving on date D (announced) → re-verified at D → deleted, or kept with the
 * reason it changed. Puts each plan on the stored schedule, records deletions, and takes and decides keep requests.
 */
public final class LeavingSoon {
    private static final Logger LOG = LoggerFactory.getLogger(LeavingSoon.class);
    private final LeavingStore schedule;
    private final KeepRequests keeps;
    private final LeavingOptions options;
    private final Clock clock;
    private final ZoneId zone;
    private final LeavingSoonEvents events;

    /** Where the lifecycle keeps time and who hears about it. */
    public record Setting(LeavingOptions options, Clock clock, ZoneId zone, LeavingSoonEvents events) {
    }

    public LeavingSoon(LeavingStore schedule, KeepRequests keeps, Setting setting) {
        this.schedule = schedule;
        this.keeps = keeps;
        this.options = setting.options();
        this.clock = setting.clock();
        this.zone = setting.zone();
        this.events = setting.events();
    }

    public static LeavingSoon of(org.jdbi.v3.core.Jdbi jdbi, Setting setting) {
        return new LeavingSoon(new LeavingStore(jdbi, setting.clock()), new KeepRequests(jdbi, setting.clock()), setting);
    }

    public LeavingOptions options() {
        return options;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Puts a fresh plan on the schedule (stored before the plan, so a crash between plan and execution loses no date)
     * and returns the plan in which only the deletions whose date has come still delete.
     */
    public CleanupPlan schedule(CleanupPlan plan) {
        Map<String, LeavingItem> stored = schedule.current();
        LeavingPlan.Result result = LeavingPlan.schedule(plan, stored, plan.today(), options.days());
        schedule.store(result, stored);
        if (!result.announced().isEmpty()) {
            tell(() -> events.announced(result.announced()));
        }
        return result.plan();
    }

    /** A run deleted the entry, or found it already gone: it leaves the schedule. */
    public void deleted(PlanEntry entry, String outcome) {
        schedule.deleted(LeavingPlan.key(entry), outcome);
    }

    /** Jellyfin id → why a keep request holds it today. */
    public Map<String, String> holding() {
        return keeps.holding(today());
    }

    /** The schedule by day, soonest first. */
    public List<LeavingCalendar.Day> calendar() {
        return LeavingCalendar.of(leaving(), today());
    }

    public List<LeavingItem> leaving() {
        return schedule.leaving();
    }

    /** Items that left the schedule in the last {@code days} days. */
    public List<LeavingItem> recentlyLeft(int days) {
        return schedule.left(clock.instant().minus(java.time.Duration.ofDays(days)));
    }

    public KeepRequests keeps() {
        return keeps;
    }

    /** A user asks to keep {@code key}; granted at once for CLEANUP_KEEP_EXTENSION_DAYS when CLEANUP_KEEP_REQUESTS=auto. */
    public KeepRequest requestKeep(String key, String by, String comment) {
        if (options.keepRequests() == LeavingOptions.KeepRequests.OFF) {
            throw new InvalidInputException("Keep requests are off (" + LeavingOptions.KEEP_REQUESTS + "=off); ask an admin.");
        }
        LeavingItem item = schedule.item(key).filter(LeavingItem::leaving)
                .orElseThrow(() -> new NotFoundException("That item is not leaving (any more); reload the page."));
        String text = comment == null ? "" : comment.strip();
        if (text.length() > 500) {
            throw new InvalidInputException("comment must be at most 500 characters.");
        }
        LocalDate grant = options.keepRequests() == LeavingOptions.KeepRequests.AUTO ? today().plusDays(options.keepDays()) : null;
        KeepRequest request = keeps.request(item, by, text, grant);
        tell(() -> events.keepRequested(request));
        return request;
    }

    /** An admin approves (for {@code days} days, or for good when null) or declines a keep request. */
    public KeepRequest decide(long id, boolean approve, String by, String note, Integer days) {
        if (days != null && (days < 1 || days > 3650)) {
            throw new InvalidInputException("days must be a whole number from 1 to 3650, or empty for good.");
        }
        KeepRequest request = keeps.decide(id, approve, by, note == null ? "" : note.strip(), days == null ? null : today().plusDays(days));
        tell(() -> events.keepDecided(request));
        return request;
    }

    /** The leaving-soon API and pages. */
    public List<app.pathary.web.WebRoutes> routes(app.pathary.web.Pages pages, java.util.function.Function<Long, java.util.Optional<String>> jellyfinNameOf) {
        return List.of(new LeavingApi(this), new LeavingPages(pages, this, jellyfinNameOf));
    }

    private static void tell(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.warn("A leaving-soon event could not be passed on: {}", e.toString());
        }
    }
}
