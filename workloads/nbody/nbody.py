"""N-body simulation of the Sun and the four gas giants: float arithmetic in tight loops (benchmarks-game style)."""

from itertools import combinations
from math import floor, pi, sqrt

SOLAR_MASS = 4 * pi * pi
DAYS_PER_YEAR = 365.24

# (position, velocity, mass) in AU, AU/day and solar masses; the velocities become AU/year below.
BODIES = {
    "sun": ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], 1.0),
    "jupiter": ([4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
                [1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05],
                9.54791938424326609e-04),
    "saturn": ([8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
               [-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05],
               2.85885980666130812e-04),
    "uranus": ([1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
               [2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05],
               4.36624404335156298e-05),
    "neptune": ([1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
                [2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05],
                5.15138902046611451e-05),
}


def setup(params):
    bodies = [([*position], [v * DAYS_PER_YEAR for v in velocity], mass * SOLAR_MASS)
              for position, velocity, mass in BODIES.values()]
    return bodies, params["steps"]


def offset_momentum(bodies):
    px = py = pz = 0.0
    for _, (vx, vy, vz), mass in bodies:
        px -= vx * mass
        py -= vy * mass
        pz -= vz * mass
    sun_velocity = bodies[0][1]
    sun_velocity[:] = [px / SOLAR_MASS, py / SOLAR_MASS, pz / SOLAR_MASS]


def advance(bodies, pairs, steps, dt):
    for _ in range(steps):
        for (r1, v1, m1), (r2, v2, m2) in pairs:
            dx = r1[0] - r2[0]
            dy = r1[1] - r2[1]
            dz = r1[2] - r2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * sqrt(d2))
            m1_mag = m1 * mag
            m2_mag = m2 * mag
            v1[0] -= dx * m2_mag
            v1[1] -= dy * m2_mag
            v1[2] -= dz * m2_mag
            v2[0] += dx * m1_mag
            v2[1] += dy * m1_mag
            v2[2] += dz * m1_mag
        for r, (vx, vy, vz), _ in bodies:
            r[0] += dt * vx
            r[1] += dt * vy
            r[2] += dt * vz


def energy(bodies, pairs):
    e = 0.0
    for _, (vx, vy, vz), mass in bodies:
        e += 0.5 * mass * (vx * vx + vy * vy + vz * vz)
    for (r1, _, m1), (r2, _, m2) in pairs:
        dx = r1[0] - r2[0]
        dy = r1[1] - r2[1]
        dz = r1[2] - r2[2]
        e -= (m1 * m2) / sqrt(dx * dx + dy * dy + dz * dz)
    return e


def run(state):
    initial, steps = state
    bodies = [([*r], [*v], m) for r, v, m in initial]
    pairs = list(combinations(bodies, 2))
    offset_momentum(bodies)
    advance(bodies, pairs, steps, 0.01)
    # Energy in billionths: exact across languages because both do the same IEEE operations in the same order.
    return floor(energy(bodies, pairs) * 1e9 + 0.5)
