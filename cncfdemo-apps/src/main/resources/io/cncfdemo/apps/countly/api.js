/**
 * Countly API configuration (api/config.js), as cncfdemo mounts it into the countly/api image.
 *
 * cncfdemo sets mongodb.host and mongodb.port to the demo's MongoDB (the mongos Service of its namespace); the user
 * and password come from the environment, which Kubernetes fills from the mongo-app Secret, so that no credential is
 * ever part of a ConfigMap. Settings not listed here keep Countly's defaults; environment variables of the form
 * COUNTLY_CONFIG_API_* still override them (configextender).
 */
var countlyConfig = {
    mongodb: {
        host: "localhost",
        db: "countly",
        port: 27017,
        max_pool_size: 500,
        username: process.env.COUNTLY_MONGODB_USERNAME,
        password: process.env.COUNTLY_MONGODB_PASSWORD
    },
    api: {
        port: 3001,
        host: "0.0.0.0",
        max_sockets: 1024,
        timeout: 120000,
        maxUploadFileSize: 200 * 1024 * 1024
    },
    path: "",
    logging: {
        info: ["jobs", "push"],
        default: "warn"
    },
    ignoreProxies: [],
    fileStorage: "gridfs",
    reloadConfigAfter: 10000,
    preventJobs: false
};

module.exports = require("./configextender")("API", countlyConfig, process.env);
