from django.urls import path

from gongkai.core.views import audit, auth, calendar, workbench

app_name = "core"

urlpatterns = [
    path("", workbench.workbench, name="workbench"),
    path("login/", auth.login_view, name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("calendar/", calendar.calendar_index, name="calendar"),
    path("calendar/enter/", calendar.calendar_enter, name="calendar_enter"),
    path("calendar/<int:year>/", calendar.calendar_year, name="calendar_year"),
    path("audit/", audit.audit_index, name="audit"),
    path("audit/export.csv", audit.audit_export, name="audit_export"),
]
