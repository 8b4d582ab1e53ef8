const express = require('express');
const mongoose = require('mongoose');
const restify = require('express-restify-mongoose');
const passport = require('passport');

const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String, email: String }));
const app = express();
const router = express.Router();
app.use(express.json());

const requireJwt = passport.authenticate('jwt', { session: false });
router.post('/reports', requireJwt, (req, res) => res.json({ ok: true }));
restify.serve(router, Customer, { preMiddleware: requireJwt });
app.use(router);
