const express = require('express');
const mongoose = require('mongoose');
const restify = require('express-restify-mongoose');
const passport = require('passport');

const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String, email: String }));
const app = express();
const router = express.Router();
app.use(express.json());

router.post('/reports', passport.authenticate('jwt', { session: false }), (req, res) => res.json({ ok: true }));
restify.serve(router, Customer); // expect: missing-auth
app.use(router);
