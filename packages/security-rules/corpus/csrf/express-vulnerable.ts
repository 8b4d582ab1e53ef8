import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET ?? '', resave: false, saveUninitialized: false })); // expect: csrf
app.post('/account/email', (req, res) => res.json({ email: req.body.email }));
