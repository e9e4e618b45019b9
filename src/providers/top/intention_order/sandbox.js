// The sandbox's intention order: the sample answer with a new id each time.
export function answer({ success, sequence }) {
  const [key] = Object.keys(success);
  return { [key]: { ...success[key], value: { intention_id: String(9_000_000_000 + sequence) } } };
}
