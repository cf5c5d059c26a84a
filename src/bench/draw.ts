// Draw benchmark: filled in with the draw (issue 3).
export async function benchDraw(_work: string, _rows: number): Promise<void> {}
