'use strict';
// N-body simulation of the Sun and the four gas giants: float arithmetic in tight loops (benchmarks-game style).

const SOLAR_MASS = 4 * Math.PI * Math.PI;
const DAYS_PER_YEAR = 365.24;

class Body {
  constructor(x, y, z, vx, vy, vz, mass) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.vx = vx;
    this.vy = vy;
    this.vz = vz;
    this.mass = mass;
  }
}

// Position in AU, velocity in AU/day (made AU/year below), mass in solar masses.
const BODIES = [
  [0, 0, 0, 0, 0, 0, 1],
  [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
    1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04],
  [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
    -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04],
  [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
    2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05],
  [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
    2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05],
];

function offsetMomentum(bodies) {
  let px = 0;
  let py = 0;
  let pz = 0;
  for (const b of bodies) {
    px -= b.vx * b.mass;
    py -= b.vy * b.mass;
    pz -= b.vz * b.mass;
  }
  bodies[0].vx = px / SOLAR_MASS;
  bodies[0].vy = py / SOLAR_MASS;
  bodies[0].vz = pz / SOLAR_MASS;
}

function advance(bodies, steps, dt) {
  const n = bodies.length;
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < n; i++) {
      const a = bodies[i];
      for (let j = i + 1; j < n; j++) {
        const b = bodies[j];
        const dx = a.x - b.x;
        const dy = a.y - b.y;
        const dz = a.z - b.z;
        const d2 = dx * dx + dy * dy + dz * dz;
        const mag = dt / (d2 * Math.sqrt(d2));
        const aMag = a.mass * mag;
        const bMag = b.mass * mag;
        a.vx -= dx * bMag;
        a.vy -= dy * bMag;
        a.vz -= dz * bMag;
        b.vx += dx * aMag;
        b.vy += dy * aMag;
        b.vz += dz * aMag;
      }
    }
    for (const b of bodies) {
      b.x += dt * b.vx;
      b.y += dt * b.vy;
      b.z += dt * b.vz;
    }
  }
}

function energy(bodies) {
  let e = 0;
  for (const b of bodies) e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz);
  for (let i = 0; i < bodies.length; i++) {
    for (let j = i + 1; j < bodies.length; j++) {
      const a = bodies[i];
      const b = bodies[j];
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const dz = a.z - b.z;
      e -= (a.mass * b.mass) / Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

exports.run = ({ steps }) => {
  const bodies = BODIES.map(([x, y, z, vx, vy, vz, mass]) => new Body(
    x, y, z, vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR, mass * SOLAR_MASS));
  offsetMomentum(bodies);
  advance(bodies, steps, 0.01);
  // Energy in billionths: exact across languages because both do the same IEEE operations in the same order.
  return Math.floor(energy(bodies) * 1e9 + 0.5);
};
