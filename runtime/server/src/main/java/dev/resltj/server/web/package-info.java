/**
 * The web page at {@code GET /}: static HTML, CSS and JavaScript from {@code classpath:public},
 * served by Micronaut's static resources (see {@code micronaut.router.static-resources.web} in
 * {@code application.yml}); no build step and nothing fetched at run time. The page only talks to
 * the public HTTP API.
 */
package dev.resltj.server.web;
