"""The insert operation through the SQLAlchemy 1.4 ORM on psycopg2 (workloads/_lib/versus_db_sqlalchemy.py)."""

from versus_db import workload
from versus_db_sqlalchemy import OrmClient

setup, run, completed, report, teardown = workload(OrmClient, "insert")
