namespace Ajanvaraus.Api.Tests.Security;

// Who may call what: one row per endpoint ("METHOD /route", with {parameters} as routed), then what each caller gets,
// in the order of Callers:
//   ok  - the operation answers for itself (2xx, or its own 4xx: 400 for a bad body, 404 without a manage token, ...)
//   401 - no token, or a token that is not valid
//   403 - a token that does not grant this (the wrong role, another agency's data, another point's)
// (An agency admin reaches any point's agenda and free times, seeing only their own provider's bookings there.)
// ANY: an endpoint for every method (health, the dashboard), called with GET. A new endpoint needs one row here
// (RoleMatrixTests fails for an endpoint without one); then refresh the README's table with
// `UPDATE_README=1 dotnet test --filter RoleMatrixTests`.
internal static class RoleMatrix
{
    public static readonly string[] Callers =
        ["anonymous", "operator", "admin (own)", "admin (other)", "adviser (own)", "adviser (other)", "portal"];

    public static readonly (string Endpoint, string Answers)[] Rows =
    [
        //                                                                      anon op  own oth adv oth portal
        ("GET /api/v1/providers",                                               "ok  ok  ok  ok  ok  ok  ok"),
        ("POST /api/v1/providers",                                              "401 ok  403 403 403 403 403"),
        ("GET /api/v1/providers/{providerId}",                                  "ok  ok  ok  ok  ok  ok  ok"),
        ("PUT /api/v1/providers/{providerId}",                                  "401 ok  403 403 403 403 403"),
        ("DELETE /api/v1/providers/{providerId}",                               "401 ok  403 403 403 403 403"),
        ("GET /api/v1/service-points",                                          "ok  ok  ok  ok  ok  ok  ok"),
        ("POST /api/v1/service-points",                                         "401 ok  403 403 403 403 403"),
        ("GET /api/v1/service-points/{servicePointId}",                         "ok  ok  ok  ok  ok  ok  ok"),
        ("PUT /api/v1/service-points/{servicePointId}",                         "401 ok  403 403 403 403 403"),
        ("DELETE /api/v1/service-points/{servicePointId}",                      "401 ok  403 403 403 403 403"),
        ("GET /api/v1/service-points/{servicePointId}/closures",                "ok  ok  ok  ok  ok  ok  ok"),
        ("POST /api/v1/service-points/{servicePointId}/closures",               "401 ok  403 403 403 403 403"),
        ("GET /api/v1/service-points/{servicePointId}/closures/{closureId}",    "ok  ok  ok  ok  ok  ok  ok"),
        ("DELETE /api/v1/service-points/{servicePointId}/closures/{closureId}", "401 ok  403 403 403 403 403"),
        ("GET /api/v1/service-points/{servicePointId}/video-rooms",             "ok  ok  ok  ok  ok  ok  ok"),
        ("POST /api/v1/service-points/{servicePointId}/video-rooms",            "401 ok  403 403 403 403 403"),
        ("GET /api/v1/service-points/{servicePointId}/video-rooms/{roomId}",    "ok  ok  ok  ok  ok  ok  ok"),
        ("PUT /api/v1/service-points/{servicePointId}/video-rooms/{roomId}",    "401 ok  403 403 403 403 403"),
        ("DELETE /api/v1/service-points/{servicePointId}/video-rooms/{roomId}", "401 ok  403 403 403 403 403"),
        ("GET /api/v1/providers/{providerId}/services",                         "ok  ok  ok  ok  ok  ok  ok"),
        ("POST /api/v1/providers/{providerId}/services",                        "401 403 ok  403 403 403 403"),
        ("GET /api/v1/providers/{providerId}/services/{serviceId}",             "ok  ok  ok  ok  ok  ok  ok"),
        ("PUT /api/v1/providers/{providerId}/services/{serviceId}",             "401 403 ok  403 403 403 403"),
        ("DELETE /api/v1/providers/{providerId}/services/{serviceId}",          "401 403 ok  403 403 403 403"),
        ("GET /api/v1/services",                                                "ok  ok  ok  ok  ok  ok  ok"),
        ("GET /api/v1/providers/{providerId}/experts",                          "401 403 ok  403 403 403 403"),
        ("POST /api/v1/providers/{providerId}/experts",                         "401 403 ok  403 403 403 403"),
        ("GET /api/v1/providers/{providerId}/experts/{expertId}",               "401 403 ok  403 403 403 403"),
        ("PUT /api/v1/providers/{providerId}/experts/{expertId}",               "401 403 ok  403 403 403 403"),
        ("DELETE /api/v1/providers/{providerId}/experts/{expertId}",            "401 403 ok  403 403 403 403"),
        ("GET /api/v1/experts/{expertId}",                                      "401 403 ok  403 403 403 403"),
        ("GET /api/v1/experts/{expertId}/availability-rules",                   "401 403 ok  403 403 403 403"),
        ("POST /api/v1/experts/{expertId}/availability-rules",                  "401 403 ok  403 403 403 403"),
        ("GET /api/v1/experts/{expertId}/availability-rules/{ruleId}",          "401 403 ok  403 403 403 403"),
        ("PUT /api/v1/experts/{expertId}/availability-rules/{ruleId}",          "401 403 ok  403 403 403 403"),
        ("DELETE /api/v1/experts/{expertId}/availability-rules/{ruleId}",       "401 403 ok  403 403 403 403"),
        ("GET /api/v1/experts/{expertId}/absences",                             "401 403 ok  403 403 403 403"),
        ("POST /api/v1/experts/{expertId}/absences",                            "401 403 ok  403 403 403 403"),
        ("DELETE /api/v1/experts/{expertId}/absences/{absenceId}",              "401 403 ok  403 403 403 403"),
        ("GET /api/v1/experts/{expertId}/windows",                              "401 403 ok  403 403 403 403"),
        ("GET /api/v1/providers/{providerId}/conflicts",                        "401 403 ok  403 403 403 403"),
        ("GET /api/v1/availability",                                            "ok  ok  ok  ok  ok  ok  ok"),
        ("POST /api/v1/holds",                                                  "ok  ok  ok  ok  ok  ok  ok"),
        ("DELETE /api/v1/holds/{holdId}",                                       "ok  ok  ok  ok  ok  ok  ok"),
        ("POST /api/v1/bookings",                                               "ok  ok  ok  ok  ok  ok  ok"),
        ("GET /api/v1/bookings/{bookingId}",                                    "ok  ok  ok  403 ok  403 ok"),
        ("POST /api/v1/bookings/{bookingId}/cancel",                            "ok  ok  ok  403 ok  403 ok"),
        ("POST /api/v1/bookings/{bookingId}/reschedule",                        "ok  ok  ok  403 ok  403 ok"),
        ("POST /api/v1/bookings/{bookingId}/check-in",                          "401 ok  ok  403 ok  403 403"),
        ("POST /api/v1/bookings/{bookingId}/no-show",                           "401 ok  ok  403 ok  403 403"),
        ("POST /api/v1/bookings/{bookingId}/complete",                          "401 ok  ok  403 ok  403 403"),
        ("GET /api/v1/bookings/{bookingId}/history",                            "ok  ok  ok  403 ok  403 ok"),
        ("GET /api/v1/providers/{providerId}/bookings",                         "401 403 ok  403 403 403 403"),
        ("GET /api/v1/bookings/{bookingId}/calendar.ics",                       "ok  ok  ok  ok  ok  ok  ok"),
        ("GET /api/v1/service-points/{servicePointId}/agenda",                  "401 ok  ok  ok  ok  403 403"),
        ("GET /api/v1/service-points/{servicePointId}/free-times",              "401 ok  ok  ok  ok  403 403"),
        ("GET /api/v1/notifications",                                           "401 ok  403 403 403 403 403"),
        ("POST /api/v1/notifications/{notificationId}/retry",                   "401 ok  403 403 403 403 403"),
        ("POST /api/v1/privacy/purge",                                          "401 ok  403 403 403 403 403"),
        ("GET /openapi/v1.json",                                                "ok  ok  ok  ok  ok  ok  ok"),
        ("ANY /health/live",                                                    "ok  ok  ok  ok  ok  ok  ok"),
        ("ANY /health/ready",                                                   "ok  ok  ok  ok  ok  ok  ok"),
        ("ANY /hangfire/{**path}",                                              "401 ok  403 403 403 403 403"),
    ];
}
