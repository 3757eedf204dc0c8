/** @jsxImportSource npm:preact@10.29.8 */
/// <reference lib="dom" />
/**
 * The 3D rollout player (placeholder while the three.js view is written).
 * @module
 */
/** Props of the player. */
export interface PlayerProps {
  rolloutUrl: string;
  modelUrl: string;
  title: string;
}

/** The rollout player island. */
export default function RolloutPlayer(props: PlayerProps) {
  return <div class="player">{props.title}</div>;
}
