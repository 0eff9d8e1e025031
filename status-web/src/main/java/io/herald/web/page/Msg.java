package io.herald.web.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The fixed text of the pages, in English; French in messages/msg_fr.properties. Used in templates as {msg:key}. */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {
    @Message("{name} status")
    String title(String name);

    @Message("{name} service status")
    String heading(String name);

    @Message("Skip to the status")
    String skip_link();

    @Message("Live")
    String live();

    @Message("Reconnecting…")
    String reconnecting();

    @Message("Active incidents")
    String active_incidents();

    @Message("Upcoming maintenance")
    String upcoming_maintenance();

    @Message("Services")
    String services();

    @Message("Latest update")
    String latest_update();

    @Message("Affected")
    String affected();

    @Message("Impact")
    String impact();

    @Message("Scheduled from")
    String scheduled_from();

    @Message("to")
    String to();

    @Message("Since")
    String since();

    @Message("Last updated")
    String last_updated();

    @Message("unknown")
    String unknown();

    @Message("Powered by Herald")
    String powered();

    @Message("{name}: uptime over the last {days} days. Use the arrow keys to read each day.")
    String uptime_bar(String name, int days);

    @Message("{days} days ago")
    String days_ago(int days);

    @Message("Today")
    String today();

    @Message("{percent} uptime")
    String uptime_percent(String percent);

    @Message("Incident history")
    String history();

    @Message("Feeds")
    String feeds();

    @Message("Add to calendar")
    String add_to_calendar();

    @Message("All maintenance in your calendar")
    String maintenance_calendar();

    @Message("Site")
    String navigation();

    @Message("Current status")
    String current_status();

    @Message("Window")
    String window();

    @Message("Started")
    String started();

    @Message("Resolved")
    String resolved();

    @Message("Duration")
    String duration();

    @Message("Timeline")
    String timeline();

    @Message("Months")
    String months();

    @Message("Previous month")
    String previous_month();

    @Message("Next month")
    String next_month();

    @Message("No incidents this month.")
    String no_incidents();

    @Message("Page not found")
    String not_found();

    @Message("Uptime")
    String uptime();

    @Message("Response time")
    String response_time();

    @Message("Chart window")
    String chart_window();

    @Message("No response times in this window.")
    String no_samples();

    @Message("Recent changes")
    String recent_changes();

    @Message("No recorded changes.")
    String no_changes();

    @Message("When")
    String when();

    @Message("From")
    String from();

    @Message("To")
    String to_status();

    @Message("Detail")
    String detail();

    @Message("Badge")
    String badge();

    @Message("Bad request")
    String bad_request();

    @Message("Not a month")
    String bad_month_title();

    @Message("Form refused")
    String form_refused();

    @Message("This address does not name a month of the history: give one from 1970-01 to 9999-12, such as /history/2026-11.")
    String bad_month();

    @Message("Not a chart window")
    String bad_window_title();

    @Message("The chart shows 24h, 7d, 30d or 90d: give one of these as ?window=.")
    String bad_window();

    @Message("History is not available right now; the current status above is live. Try again in a moment.")
    String history_unavailable();

    @Message("This history may be out of date: the status service does not answer, so it is shown as it was at {when}.")
    String history_kept(String when);

    @Message("Not available right now")
    String not_available_title();

    @Message("This page is not available right now; the current status above is live. Try again in a moment.")
    String page_unavailable();
}
