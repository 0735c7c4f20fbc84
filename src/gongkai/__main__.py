"""The `gongkai` console command: every management command of the platform."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai", *sys.argv[1:]])


if __name__ == "__main__":
    main()
