package dev.sfcrimestats.dashboard;

import java.util.List;

/**
 * Everything the dashboard page draws from, written as {@code data.js}.
 *
 * @param categoryGroups each category's crime group ({@code violent}, {@code property}, ...), by category position;
 *                       null where unknown
 */
record DashboardData(String title, DataSummary summary, List<String> categories, List<String> categoryGroups,
        List<String> neighborhoods, MonthlyCube monthly, IncidentPoints points) {
}
