"""The join operation through SQLAlchemy 1.4 Core on psycopg2 (workloads/_lib/versus_db_sqlalchemy.py)."""

from versus_db import workload
from versus_db_sqlalchemy import CoreClient

setup, run, completed, report, teardown = workload(CoreClient, "join")
