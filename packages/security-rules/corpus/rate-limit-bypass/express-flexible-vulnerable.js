const express = require('express');
const { RateLimiterMemory } = require('rate-limiter-flexible');

const app = express();
const limiter = new RateLimiterMemory({ points: 5, duration: 60 });

app.post('/login', async (req, res) => {
  try {
    await limiter.consume(req.get('x-forwarded-for') || req.ip); // expect: rate-limit-bypass
  } catch {
    return res.status(429).end();
  }
  return res.json({ ok: true });
});
