const express = require('express');
const mongoose = require('mongoose');
const restify = require('express-restify-mongoose');
const { requireUser } = require('./auth');

const Member = mongoose.model('Member', new mongoose.Schema({ name: String, email: String, isAdmin: Boolean }));
const router = express.Router();
router.use(express.json());

restify.serve(router, Member, { preMiddleware: requireUser }); // expect: mass-assignment
module.exports = router;
