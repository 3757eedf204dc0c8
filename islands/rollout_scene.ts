/// <reference lib="dom" />
/**
 * The rollout player's scene: the MuJoCo model is compiled in the browser by `@mujoco/mujoco`
 * (WebAssembly served from `/vendor/mujoco.wasm`); for each frame the recorded qpos is set,
 * `mj_forward` computes the poses, and three.js draws the model's own geoms (planes, boxes,
 * spheres, capsules, cylinders, ellipsoids, meshes) with their colours, so the replay is exact.
 * three.js and MuJoCo are imported on first use (separate chunks, fetched only by the player).
 * @module
 */
// @ts-types="npm:@types/three@0.187.0"
import type * as ThreeNS from "npm:three@0.187.0";
// @ts-types="npm:@types/three@0.187.0/examples/jsm/controls/OrbitControls.d.ts"
import type { OrbitControls as OrbitControlsT } from "npm:three@0.187.0/examples/jsm/controls/OrbitControls.js";
import type { MainModule, MjData, MjModel } from "npm:@mujoco/mujoco@3.14.0";

/** One recorded episode of a rollout (see physics/rollout.ts). */
export interface Episode {
  frames: number;
  time: number[];
  qpos: number[];
  reward: number[];
  return: number;
  length: number;
  terminated: boolean;
}

/** A rollout file, format "stackrl-rollout/1" (see physics/rollout.ts). */
export interface RolloutJson {
  format: string;
  env: string;
  model: string;
  nq: number;
  fps: number;
  episodes: Episode[];
}

/** What the animation loop and the controls share (kept outside preact state: 60 Hz). */
export interface Engine {
  /** Poses the model at `frame` of the current episode and draws it. */
  render(frame: number): void;
  /** Fits the canvas to its host's width. */
  resize(): void;
  /** Frees the renderer, the geometries and MuJoCo's model and data. */
  dispose(): void;
  /** Chooses the episode `render` draws. */
  setEpisode(episode: number): void;
  /** The canvas drawn into (what a video export records). */
  canvas: HTMLCanvasElement;
}

/**
 * Compiles the MJCF `xml` with MuJoCo (WebAssembly), builds a three.js scene of its visible geoms
 * in `host`, and returns the engine that poses and draws each recorded frame. The camera frames
 * the first body below the world and, while `follow()` says so, moves with it.
 */
export async function loadEngine(
  host: HTMLElement,
  xml: string,
  rollout: RolloutJson,
  follow: () => boolean,
): Promise<Engine> {
  const THREE = await import("npm:three@0.187.0") as unknown as typeof ThreeNS;
  const { OrbitControls } = await import(
    "npm:three@0.187.0/examples/jsm/controls/OrbitControls.js"
  ) as unknown as { OrbitControls: typeof OrbitControlsT };
  const loadMujoco = (await import("npm:@mujoco/mujoco@3.14.0")).default;
  const mj: MainModule = await loadMujoco({
    locateFile: (path: string) => `/vendor/${path.split("/").pop()}`,
  });
  let model: MjModel;
  try {
    model = mj.MjModel.from_xml_string(xml);
  } catch (error) {
    throw new Error(`MuJoCo cannot compile ${rollout.model}: ${(error as Error).message ?? error}`);
  }
  const data: MjData = new mj.MjData(model);
  if (model.nq !== rollout.nq) {
    data.delete();
    model.delete();
    throw new Error(`the model has nq = ${model.nq} but the rollout has nq = ${rollout.nq}`);
  }

  const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(Math.min(2, globalThis.devicePixelRatio || 1));
  // (cast: some type-check graphs see three's canvas type as HTMLCanvasElement | OffscreenCanvas)
  const canvas = renderer.domElement as HTMLCanvasElement;
  (renderer as unknown as { shadowMap: { enabled: boolean } }).shadowMap.enabled = true;
  host.appendChild(canvas);
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(0xdfe6ee);
  scene.fog = new THREE.Fog(0xdfe6ee, 15, 40);
  const camera = new THREE.PerspectiveCamera(45, 1, 0.01, 200);
  camera.up.set(0, 0, 1); // MuJoCo is z-up
  scene.add(new THREE.HemisphereLight(0xffffff, 0x667788, 1.6));
  const sun = new THREE.DirectionalLight(0xffffff, 1.8);
  sun.position.set(3, -4, 8);
  sun.castShadow = true;
  sun.shadow.mapSize.set(2048, 2048);
  for (const side of ["left", "bottom"] as const) sun.shadow.camera[side] = -6;
  for (const side of ["right", "top"] as const) sun.shadow.camera[side] = 6;
  scene.add(sun, sun.target);

  // one three.js mesh per visible geom, posed by MuJoCo every frame
  const meshes: { geom: number; mesh: ThreeNS.Mesh }[] = [];
  const num = (arr: ArrayLike<number>, i: number) => Number(arr[i]);
  for (let g = 0; g < model.ngeom; g++) {
    const type = num(model.geom_type, g);
    const s = [0, 1, 2].map((k) => num(model.geom_size, 3 * g + k));
    const matid = num(model.geom_matid, g);
    const rgba = [0, 1, 2, 3].map((k) =>
      matid >= 0 ? num(model.mat_rgba, 4 * matid + k) : num(model.geom_rgba, 4 * g + k)
    );
    if (rgba[3] === 0 || num(model.geom_group, g) >= 3) continue;
    let geometry: ThreeNS.BufferGeometry;
    let material: ThreeNS.Material = new THREE.MeshStandardMaterial({
      color: new THREE.Color(rgba[0], rgba[1], rgba[2]),
      transparent: rgba[3] < 1,
      opacity: rgba[3],
      roughness: 0.6,
      metalness: 0.05,
    });
    if (type === 0) { // plane: size 0 means infinite
      const sx = s[0] > 0 ? s[0] : 50, sy = s[1] > 0 ? s[1] : 50;
      geometry = new THREE.PlaneGeometry(2 * sx, 2 * sy);
      material = new THREE.MeshStandardMaterial({
        map: checker(THREE, rgba, sx, sy),
        roughness: 0.9,
      });
    } else if (type === 2) {
      geometry = new THREE.SphereGeometry(s[0], 24, 16);
    } else if (type === 3) {
      geometry = new THREE.CapsuleGeometry(s[0], 2 * s[1], 8, 16).rotateX(Math.PI / 2);
    } else if (type === 4) {
      geometry = new THREE.SphereGeometry(1, 24, 16).scale(s[0], s[1], s[2]);
    } else if (type === 5) {
      geometry = new THREE.CylinderGeometry(s[0], s[0], 2 * s[1], 24).rotateX(Math.PI / 2);
    } else if (type === 6) {
      geometry = new THREE.BoxGeometry(2 * s[0], 2 * s[1], 2 * s[2]);
    } else if (type === 7) {
      const mesh = num(model.geom_dataid, g);
      const va = num(model.mesh_vertadr, mesh), vn = num(model.mesh_vertnum, mesh);
      const fa = num(model.mesh_faceadr, mesh), fn = num(model.mesh_facenum, mesh);
      const positions = new Float32Array(3 * vn);
      for (let i = 0; i < 3 * vn; i++) positions[i] = num(model.mesh_vert, 3 * va + i);
      const index: number[] = [];
      for (let i = 0; i < 3 * fn; i++) index.push(num(model.mesh_face, 3 * fa + i));
      geometry = new THREE.BufferGeometry();
      geometry.setAttribute("position", new THREE.BufferAttribute(positions, 3));
      geometry.setIndex(index);
      geometry.computeVertexNormals();
    } else {
      continue; // height fields, SDFs: not drawn
    }
    const mesh = new THREE.Mesh(geometry, material);
    mesh.matrixAutoUpdate = false;
    mesh.castShadow = type !== 0;
    mesh.receiveShadow = true;
    scene.add(mesh);
    meshes.push({ geom: g, mesh });
  }

  const controls = new OrbitControls(camera, canvas);
  controls.enableDamping = false;
  // the body followed: the first body below the world (the torso of every locomotion task)
  const tracked = model.nbody > 1 ? 1 : 0;
  const nq = rollout.nq;
  let episode = 0;
  let first = true;
  const target = new THREE.Vector3();

  const pose = (frame: number) => {
    const ep = rollout.episodes[episode];
    const f = Math.max(0, Math.min(ep.frames - 1, frame));
    const qpos = data.qpos as Float64Array;
    for (let i = 0; i < nq; i++) qpos[i] = ep.qpos[f * nq + i];
    mj.mj_forward(model, data);
    const xpos = data.geom_xpos as Float64Array, xmat = data.geom_xmat as Float64Array;
    for (const { geom: g, mesh } of meshes) {
      const m = 9 * g, p = 3 * g;
      mesh.matrix.set(
        xmat[m],
        xmat[m + 1],
        xmat[m + 2],
        xpos[p],
        xmat[m + 3],
        xmat[m + 4],
        xmat[m + 5],
        xpos[p + 1],
        xmat[m + 6],
        xmat[m + 7],
        xmat[m + 8],
        xpos[p + 2],
        0,
        0,
        0,
        1,
      );
    }
    const bx = data.xpos as Float64Array;
    target.set(bx[3 * tracked], bx[3 * tracked + 1], bx[3 * tracked + 2]);
  };

  const engine: Engine = {
    canvas,
    setEpisode(e: number) {
      episode = e;
    },
    render(frame: number) {
      pose(frame);
      if (first) {
        first = false;
        // frame the body: the radius of the non-plane geoms around the tracked body
        let radius = 0.3;
        const xpos = data.geom_xpos as Float64Array;
        for (const { geom: g } of meshes) {
          if (num(model.geom_type, g) === 0) continue;
          const d = Math.hypot(
            xpos[3 * g] - target.x,
            xpos[3 * g + 1] - target.y,
            xpos[3 * g + 2] - target.z,
          );
          radius = Math.max(radius, d + num(model.geom_size, 3 * g));
        }
        const distance = Math.min(30, 2.3 * radius + 0.6);
        controls.target.copy(target);
        camera.position.set(
          target.x + 0.25 * distance,
          target.y - distance,
          target.z + 0.3 * distance,
        );
      } else if (follow()) {
        // keep the camera's offset (which the user may orbit) and move it with the torso
        const delta = target.clone().sub(controls.target);
        camera.position.add(delta);
        controls.target.copy(target);
      }
      sun.position.set(target.x + 3, target.y - 4, 8);
      sun.target.position.set(target.x, target.y, 0);
      controls.update();
      renderer.render(scene, camera);
    },
    resize() {
      const w = Math.max(320, host.clientWidth), h = Math.max(240, Math.round(w * 9 / 16));
      renderer.setSize(w, h);
      camera.aspect = w / h;
      camera.updateProjectionMatrix();
    },
    dispose() {
      controls.dispose();
      renderer.dispose();
      canvas.remove();
      for (const { mesh } of meshes) {
        mesh.geometry.dispose();
        (mesh.material as ThreeNS.Material).dispose();
      }
      data.delete();
      model.delete();
    },
  };
  engine.resize();
  return engine;
}

/** A checkerboard texture for planes, in the plane's colour, one square per 0.5 m. */
function checker(
  THREE: typeof ThreeNS,
  rgba: number[],
  sx: number,
  sy: number,
): ThreeNS.Texture {
  const c = document.createElement("canvas");
  c.width = c.height = 64;
  const ctx = c.getContext("2d")!;
  const base = (k: number) => Math.round(255 * Math.min(1, rgba[k]));
  const dark = (k: number) => Math.round(255 * 0.82 * rgba[k]);
  ctx.fillStyle = `rgb(${base(0)},${base(1)},${base(2)})`;
  ctx.fillRect(0, 0, 64, 64);
  ctx.fillStyle = `rgb(${dark(0)},${dark(1)},${dark(2)})`;
  ctx.fillRect(0, 0, 32, 32);
  ctx.fillRect(32, 32, 32, 32);
  const texture = new THREE.CanvasTexture(c);
  texture.wrapS = texture.wrapT = THREE.RepeatWrapping;
  texture.repeat.set(sx, sy);
  texture.colorSpace = THREE.SRGBColorSpace;
  return texture;
}
