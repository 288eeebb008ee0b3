// TwinPrint's patient viewer: draws the GLB embedded in this page with WebGL, nothing loaded from
// anywhere. Drag to turn, wheel to zoom; the list beside it shows or hides each part.
(function () {
  'use strict';
  var canvas = document.getElementById('tp-view');
  var list = document.getElementById('tp-parts');
  var bytes = Uint8Array.from(atob(document.getElementById('tp-glb').textContent.trim()), function (c) {
    return c.charCodeAt(0);
  });
  var data = new DataView(bytes.buffer);
  var jsonLength = data.getUint32(12, true);
  var gltf = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength)));
  var binStart = 28 + jsonLength;
  var gl = canvas.getContext('webgl2', { antialias: true, preserveDrawingBuffer: true });
  if (!gl) {
    canvas.insertAdjacentHTML('afterend', '<p>' + canvas.dataset.nowebgl + '</p>');
    return;
  }
  function accessor(i, Type) {
    var a = gltf.accessors[i], v = gltf.bufferViews[a.bufferView];
    var width = a.type === 'VEC3' ? 3 : 1;
    return new Type(bytes.buffer, binStart + v.byteOffset, a.count * width);
  }
  function shader(type, source) {
    var s = gl.createShader(type);
    gl.shaderSource(s, source);
    gl.compileShader(s);
    return s;
  }
  var program = gl.createProgram();
  gl.attachShader(program, shader(gl.VERTEX_SHADER, '#version 300 es\n' +
    'in vec3 p; in vec3 n; uniform mat4 m; out vec3 vn;\n' +
    'void main() { vn = n; gl_Position = m * vec4(p, 1.0); }'));
  gl.attachShader(program, shader(gl.FRAGMENT_SHADER, '#version 300 es\nprecision mediump float;\n' +
    'in vec3 vn; uniform vec3 colour; uniform vec3 eye; out vec4 o;\n' +
    'void main() { float l = abs(dot(normalize(vn), eye)); o = vec4(colour * (0.35 + 0.65 * l), 1.0); }'));
  gl.linkProgram(program);
  gl.useProgram(program);
  var lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  var parts = gltf.meshes.map(function (mesh, i) {
    var prim = mesh.primitives[0], a = gltf.accessors[prim.attributes.POSITION];
    for (var k = 0; k < 3; k++) {
      lo[k] = Math.min(lo[k], a.min[k]);
      hi[k] = Math.max(hi[k], a.max[k]);
    }
    var vao = gl.createVertexArray();
    gl.bindVertexArray(vao);
    [['p', prim.attributes.POSITION], ['n', prim.attributes.NORMAL]].forEach(function (attr) {
      var buffer = gl.createBuffer();
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.bufferData(gl.ARRAY_BUFFER, accessor(attr[1], Float32Array), gl.STATIC_DRAW);
      var at = gl.getAttribLocation(program, attr[0]);
      gl.enableVertexAttribArray(at);
      gl.vertexAttribPointer(at, 3, gl.FLOAT, false, 0, 0);
    });
    var indices = gl.createBuffer();
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indices);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, accessor(prim.indices, Uint32Array), gl.STATIC_DRAW);
    gl.bindVertexArray(null);
    var c = gltf.materials[prim.material].pbrMetallicRoughness.baseColorFactor;
    var srgb = c.slice(0, 3).map(function (x) { return Math.pow(x, 1 / 2.2); });
    var part = { name: mesh.name, vao: vao, count: gltf.accessors[prim.indices].count, colour: srgb, shown: true };
    var row = document.createElement('label');
    var box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.onchange = function () { part.shown = box.checked; draw(); };
    var swatch = document.createElement('span');
    swatch.className = 'tp-swatch';
    swatch.style.background = 'rgb(' + srgb.map(function (x) { return Math.round(255 * x); }).join(',') + ')';
    row.appendChild(box);
    row.appendChild(swatch);
    row.appendChild(document.createTextNode(' ' + mesh.name));
    list.appendChild(row);
    return part;
  });
  // the data are in patient LPS mm: the camera starts in front of the patient (anterior, -y), head up
  var centre = [0, 1, 2].map(function (k) { return (lo[k] + hi[k]) / 2; });
  var radius = Math.hypot(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]) / 2 || 1;
  var yaw = 0, pitch = 0, distance = 2.8 * radius;
  function multiply(a, b) {
    var r = new Array(16);
    for (var i = 0; i < 4; i++) {
      for (var j = 0; j < 4; j++) {
        r[j * 4 + i] = a[i] * b[j * 4] + a[4 + i] * b[j * 4 + 1] + a[8 + i] * b[j * 4 + 2] + a[12 + i] * b[j * 4 + 3];
      }
    }
    return r;
  }
  function draw() {
    var w = canvas.clientWidth, h = canvas.clientHeight;
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    gl.viewport(0, 0, w, h);
    gl.clearColor(0.96, 0.97, 0.98, 1);
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
    gl.enable(gl.DEPTH_TEST);
    // eye direction from the centre: anterior (-y), turned by yaw about z and pitch towards z
    var eye = [Math.sin(yaw) * Math.cos(pitch), -Math.cos(yaw) * Math.cos(pitch), Math.sin(pitch)];
    var up = [-Math.sin(yaw) * Math.sin(pitch), Math.cos(yaw) * Math.sin(pitch), Math.cos(pitch)];
    var right = [up[1] * eye[2] - up[2] * eye[1], up[2] * eye[0] - up[0] * eye[2], up[0] * eye[1] - up[1] * eye[0]];
    var position = centre.map(function (c, k) { return c + distance * eye[k]; });
    var view = [right[0], up[0], eye[0], 0, right[1], up[1], eye[1], 0, right[2], up[2], eye[2], 0,
      -dot(right, position), -dot(up, position), -dot(eye, position), 1];
    var near = Math.max(distance - 2 * radius, distance / 100), far = distance + 2 * radius;
    var f = 1 / Math.tan(Math.PI / 8), aspect = w / Math.max(1, h);
    var projection = [f / aspect, 0, 0, 0, 0, f, 0, 0, 0, 0, (far + near) / (near - far), -1,
      0, 0, 2 * far * near / (near - far), 0];
    gl.uniformMatrix4fv(gl.getUniformLocation(program, 'm'), false, multiply(projection, view));
    gl.uniform3fv(gl.getUniformLocation(program, 'eye'), eye);
    parts.forEach(function (part) {
      if (part.shown) {
        gl.uniform3fv(gl.getUniformLocation(program, 'colour'), part.colour);
        gl.bindVertexArray(part.vao);
        gl.drawElements(gl.TRIANGLES, part.count, gl.UNSIGNED_INT, 0);
      }
    });
  }
  function dot(a, b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
  var dragging = null;
  canvas.addEventListener('pointerdown', function (e) { dragging = [e.clientX, e.clientY]; });
  window.addEventListener('pointerup', function () { dragging = null; });
  window.addEventListener('pointermove', function (e) {
    if (dragging) {
      yaw -= (e.clientX - dragging[0]) * 0.01;
      pitch = Math.max(-1.5, Math.min(1.5, pitch + (e.clientY - dragging[1]) * 0.01));
      dragging = [e.clientX, e.clientY];
      draw();
    }
  });
  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    distance = Math.max(radius * 0.5, Math.min(radius * 10, distance * Math.exp(e.deltaY * 0.001)));
    draw();
  }, { passive: false });
  window.addEventListener('resize', draw);
  draw();
  canvas.dataset.drawn = 'yes';
}());
