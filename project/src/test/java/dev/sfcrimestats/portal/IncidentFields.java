package dev.sfcrimestats.portal;

import java.util.List;

/** The API field names of the SFPD incident dataset wg3w-h783, as in {@code wg3w-h783_fields.tsv}. */
final class IncidentFields {

    static final List<String> ALL = List.of(
            "incident_datetime", "incident_date", "incident_time", "incident_year", "incident_day_of_week",
            "report_datetime", "row_id", "incident_id", "incident_number", "cad_number", "report_type_code",
            "report_type_description", "filed_online", "incident_code", "incident_category", "incident_subcategory",
            "incident_description", "resolution", "intersection", "cnn", "police_district", "analysis_neighborhood",
            "supervisor_district", "supervisor_district_2012", "latitude", "longitude", "point",
            ":@computed_region_jwn9_ihcz", ":@computed_region_jg9y_a9du", ":@computed_region_h4ep_8xdi",
            ":@computed_region_n4xg_c4py", ":@computed_region_nqbw_i6c3", ":@computed_region_viu7_rrfi",
            ":@computed_region_26cr_cadq", ":@computed_region_qgnn_b9vv");

    /** Their display names in the portal, in the same order. */
    static final List<String> DISPLAY_NAMES = List.of(
            "Incident Datetime", "Incident Date", "Incident Time", "Incident Year", "Incident Day of Week",
            "Report Datetime", "Row ID", "Incident ID", "Incident Number", "CAD Number", "Report Type Code",
            "Report Type Description", "Filed Online", "Incident Code", "Incident Category", "Incident Subcategory",
            "Incident Description", "Resolution", "Intersection", "CNN", "Police District", "Analysis Neighborhood",
            "Supervisor District", "Supervisor District 2012", "Latitude", "Longitude", "Point",
            "Neighborhoods", "ESNCAG - Boundary File", "Central Market/Tenderloin Boundary Polygon - Updated",
            "Civic Center Harm Reduction Project Boundary", "HSOC Zones as of 2018-06-05",
            "Invest In Neighborhoods (IIN) Areas", "Current Supervisor Districts", "Current Police Districts");

    private IncidentFields() {
    }
}
