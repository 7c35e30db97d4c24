"""The database workloads through SQLAlchemy 1.4 (Debian python3-sqlalchemy) on psycopg2: the ORM (mapped classes,
a Session per operation, as a web request would use) and Core (table objects and statements, a connection per
operation). Both take connections from SQLAlchemy's QueuePool of `pool` connections (no overflow: a thread waits for
a free one). Same keys, SQL shape and checksums as versus_db.py's floor."""

from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, insert, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, contains_eager, declarative_base, relationship

from versus_db import insert_checksum, join_checksum, join_range, new_order, point_checksum, point_key

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    name = Column(String, nullable=False)
    email = Column(String, nullable=False)
    country = Column(String(2), nullable=False)


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), nullable=False)
    status = Column(String, nullable=False)
    total_cents = Column(Integer, nullable=False)
    customer = relationship(Customer)
    lines = relationship("OrderLine")


class OrderLine(Base):
    __tablename__ = "order_lines"
    id = Column(Integer, primary_key=True)
    order_id = Column(Integer, ForeignKey("orders.id"), nullable=False)
    product_id = Column(Integer, nullable=False)
    quantity = Column(Integer, nullable=False)
    price_cents = Column(Integer, nullable=False)


customers, orders, order_lines = Customer.__table__, Order.__table__, OrderLine.__table__


def make_engine(info, pool):
    url = URL.create("postgresql+psycopg2", username=info["user"], password=info["password"], host=info["host"],
                     port=info["port"], database=info["database"])
    return create_engine(url, pool_size=pool, max_overflow=0, pool_timeout=60, future=True)


class OrmClient:
    label = "SQLAlchemy ORM"

    def __init__(self, info, pool):
        self.engine = make_engine(info, pool)

    def point(self, i):
        with Session(self.engine) as session:
            customer = session.get(Customer, point_key(i))
            return point_checksum(customer.id, customer.name, customer.email)

    def join(self, i):
        first, last = join_range(i)
        statement = (select(Order).join(Order.customer).options(contains_eager(Order.customer))
                     .where(Order.customer_id.between(first, last), Order.status == "shipped").order_by(Order.id))
        with Session(self.engine) as session:
            return sum(join_checksum(o.id, o.total_cents, o.customer.name) for o in session.scalars(statement))

    def insert(self, i):
        customer_id, total, lines = new_order(i)
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            order = Order(customer_id=customer_id, status="new", total_cents=total,
                          lines=[OrderLine(product_id=p, quantity=q, price_cents=c) for p, q, c in lines])
            session.add(order)
            session.flush()
            written = sum(1 for line in order.lines if line.id is not None)
        return insert_checksum(order.customer_id, order.total_cents, written)

    def close(self):
        self.engine.dispose()


class CoreClient:
    label = "SQLAlchemy Core"

    def __init__(self, info, pool):
        self.engine = make_engine(info, pool)

    def point(self, i):
        statement = select(customers.c.id, customers.c.name, customers.c.email,
                           customers.c.country).where(customers.c.id == point_key(i))
        with self.engine.connect() as connection:
            row = connection.execute(statement).one()
        return point_checksum(row.id, row.name, row.email)

    def join(self, i):
        first, last = join_range(i)
        statement = (select(orders.c.id, orders.c.total_cents, customers.c.name).join_from(orders, customers)
                     .where(orders.c.customer_id.between(first, last), orders.c.status == "shipped")
                     .order_by(orders.c.id))
        with self.engine.connect() as connection:
            return sum(join_checksum(*row) for row in connection.execute(statement))

    def insert(self, i):
        customer_id, total, lines = new_order(i)
        with self.engine.begin() as connection:
            order_id = connection.execute(insert(orders).values(customer_id=customer_id, status="new",
                                                                total_cents=total).returning(orders.c.id)).scalar_one()
            written = connection.execute(insert(order_lines).values(
                [{"order_id": order_id, "product_id": p, "quantity": q, "price_cents": c} for p, q, c in lines])).rowcount
        return insert_checksum(customer_id, total, written)

    def close(self):
        self.engine.dispose()
