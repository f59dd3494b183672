/**
 * The SF Crime Stats dashboard: a page of the docs site (Quarry's {@code dev.quarry.docs.SitePage}, type
 * {@code sfpd_dashboard}, asked for by the {@code dashboard} exposure) written at {@code docs generate} time from two
 * marts. {@link dev.sfcrimestats.dashboard.DashboardReader} queries the warehouse: the incidents per month, category
 * and neighborhood from {@code mart_daily_incidents} ({@link dev.sfcrimestats.dashboard.MonthlyCube}), the incidents
 * of the last 12 months with their day, hour and place from {@code mart_incident_points}
 * ({@link dev.sfcrimestats.dashboard.IncidentPoints}), and what the data is and how fresh
 * ({@link dev.sfcrimestats.dashboard.DataSummary}). Both tables go into {@code data.js} as columns of small integers
 * against shared name lists, so that the page filters them itself (dates, category, neighborhood) with no server, and
 * opens from {@code file://}. The page ({@code index.html}, {@code dashboard.js}, {@code dashboard.css}, this
 * package's resources) draws its charts with Apache ECharts, copied from its WebJar; the map is the points drawn on
 * longitude and latitude axes, with no tile service. Uses Jackson for the data file.
 */
package dev.sfcrimestats.dashboard;
