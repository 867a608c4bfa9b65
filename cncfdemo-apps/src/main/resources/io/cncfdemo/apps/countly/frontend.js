/**
 * Countly dashboard configuration (frontend/express/config.js), as cncfdemo mounts it into the countly/frontend
 * image.
 *
 * cncfdemo sets mongodb.host and mongodb.port to the demo's MongoDB (the mongos Service of its namespace); the user
 * and password come from the environment, which Kubernetes fills from the mongo-app Secret. Environment variables of
 * the form COUNTLY_CONFIG_FRONTEND_* still override these settings (configextender).
 */
var countlyConfig = {
    mongodb: {
        host: "localhost",
        db: "countly",
        port: 27017,
        max_pool_size: 10,
        username: process.env.COUNTLY_MONGODB_USERNAME,
        password: process.env.COUNTLY_MONGODB_PASSWORD
    },
    web: {
        port: 6001,
        host: "0.0.0.0",
        use_intercom: false,
        secure_cookies: false,
        track: "none",
        theme: ""
    },
    path: "",
    cdn: "",
    passwordSecret: "",
    fileStorage: "gridfs"
};

module.exports = require("../../api/configextender")("FRONTEND", countlyConfig, process.env);
