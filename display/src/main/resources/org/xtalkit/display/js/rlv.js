// xtalkit reciprocal-lattice viewer: points from base64 Int16 triplets (scaled) with a colour index each.
// Called as xtalkitRlv(rootId, data); replaces the root's fallback image with a WebGL canvas.
window.xtalkitRlv = function (rootId, d) {
  var root = document.getElementById(rootId);
  var THREE = window.THREE;
  if (!root || !THREE) return;
  var renderer;
  try { renderer = new THREE.WebGLRenderer({antialias: true}); } catch (e) { return; }   // no WebGL: keep the picture
  if (!renderer.getContext()) return;
  var bytes = Uint8Array.from(atob(d.xyz), function (c) { return c.charCodeAt(0); });
  var q = new Int16Array(bytes.buffer), n = q.length / 3;
  var cls = Uint8Array.from(atob(d.cls), function (c) { return c.charCodeAt(0); });
  var pos = new Float32Array(3 * n), col = new Float32Array(3 * n), palette = d.palette.map(function (h) { return new THREE.Color(h); });
  for (var i = 0; i < n; i++) {
    for (var k = 0; k < 3; k++) pos[3 * i + k] = q[3 * i + k] * d.scale;
    var c = palette[cls[i]];
    col[3 * i] = c.r; col[3 * i + 1] = c.g; col[3 * i + 2] = c.b;
  }
  var geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  geometry.setAttribute('color', new THREE.BufferAttribute(col, 3));
  var points = new THREE.Points(geometry, new THREE.PointsMaterial({size: d.pointSize, sizeAttenuation: false, vertexColors: true}));
  var group = new THREE.Group();
  group.add(points);
  // points come in the viewing frame of the picture (x right, y up, down the rotation axis): start there
  var scene = new THREE.Scene();
  scene.background = new THREE.Color(0xffffff);
  scene.add(group);
  var w = d.width, h = d.height;
  var camera = new THREE.PerspectiveCamera(40, w / h, d.extent * 0.01, d.extent * 20);
  camera.position.set(0, 0, d.extent * 3.6);
  renderer.setPixelRatio(window.devicePixelRatio || 1);
  renderer.setSize(w, h);
  var draw = function () { renderer.render(scene, camera); };
  var canvas = renderer.domElement, last = null;
  canvas.style.cursor = 'grab';
  canvas.addEventListener('pointerdown', function (e) { last = [e.clientX, e.clientY]; canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener('pointerup', function () { last = null; });
  canvas.addEventListener('pointermove', function (e) {
    if (!last) return;
    var dx = e.clientX - last[0], dy = e.clientY - last[1];
    last = [e.clientX, e.clientY];
    var qy = new THREE.Quaternion().setFromAxisAngle(new THREE.Vector3(0, 1, 0), dx * 0.01);
    var qx = new THREE.Quaternion().setFromAxisAngle(new THREE.Vector3(1, 0, 0), dy * 0.01);
    group.quaternion.premultiply(qy).premultiply(qx);
    draw();
  });
  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    camera.position.z *= e.deltaY > 0 ? 1.1 : 1 / 1.1;
    draw();
  }, {passive: false});
  var holder = root.querySelector('.xtalkit-rlv-view');
  holder.innerHTML = '';
  holder.appendChild(canvas);
  draw();
};
