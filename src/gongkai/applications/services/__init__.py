"""Every write to an application goes through a function here; views, API, CLI and jobs call
the same functions."""
