/* crosswire's offline map: Natural Earth borders and event markers drawn with Leaflet.
   No tiles and no network: borders come from the TopoJSON inlined in the page.
   Each .cw-map div names the JSON script holding its events; maps are drawn
   when they first scroll into view, so a page with many stories stays fast. */
(function () {
  "use strict";
  var world = null;

  function borders() {
    if (world === null) {
      var inline = document.getElementById("cw-world");
      var topo = inline ? JSON.parse(inline.textContent) : window.CW_WORLD;
      world = {
        land: topojson.feature(topo, topo.objects.countries),
        lines: topojson.mesh(topo, topo.objects.countries, function (a, b) { return a !== b; })
      };
    }
    return world;
  }

  function popup(event) {
    // Built from DOM nodes: corpus text never becomes markup.
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = event.href;
    link.textContent = event.title;
    box.appendChild(link);
    var meta = document.createElement("div");
    var unit = event.unit || "source";
    meta.textContent = event.when + " · " + event.sources + " " + unit + (event.sources === 1 ? "" : "s");
    box.appendChild(meta);
    return box;
  }

  function draw(div) {
    var events = JSON.parse(document.getElementById(div.getAttribute("data-events")).textContent);
    var map = L.map(div, { preferCanvas: true, attributionControl: false, zoomSnap: 0.5,
                           minZoom: 1, maxZoom: 12,
                           worldCopyJump: false, maxBounds: [[-85, -200], [85, 200]] });
    var shapes = borders();
    L.geoJSON(shapes.land, { interactive: false, style: {
      fillColor: "#f2f0e8", fillOpacity: 1, color: "#8d99a6", weight: 0.7 } }).addTo(map);
    L.geoJSON(shapes.lines, { interactive: false, style: { color: "#6f7b87", weight: 0.9 } }).addTo(map);
    div.setAttribute("data-borders", String(shapes.land.features.length));
    var cluster = L.markerClusterGroup({ maxClusterRadius: 36, showCoverageOnHover: false,
                                         spiderfyOnMaxZoom: true });
    var points = [];
    events.forEach(function (event) {
      var marker = L.circleMarker([event.lat, event.lon], {
        // Grows with the count but stays a marker: hundreds of events at a place would
        // otherwise cover a country.
        radius: Math.min(16, 4 + 3 * Math.log2(1 + event.sources)), color: "#222", weight: 1,
        fillColor: event.colour, fillOpacity: 0.9 });
      marker.bindTooltip((event.label ? event.label + " " : "") + event.title, { direction: "top" });
      marker.bindPopup(popup(event));
      cluster.addLayer(marker);
      points.push([event.lat, event.lon]);
    });
    map.addLayer(cluster);
    if (points.length) {
      map.fitBounds(L.latLngBounds(points).pad(0.25), { maxZoom: 8 });
    } else {
      map.fitWorld();
    }
    div.setAttribute("data-drawn", String(events.length));
  }

  function start() {
    if (!window.L || !window.topojson) { return; }  // the shared map script did not load
    var maps = Array.prototype.slice.call(document.querySelectorAll(".cw-map"));
    if (!("IntersectionObserver" in window)) { maps.forEach(draw); return; }
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { seen.unobserve(entry.target); draw(entry.target); }
      });
    }, { rootMargin: "200px" });
    maps.forEach(function (div) { seen.observe(div); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
