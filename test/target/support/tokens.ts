// The tokens of targets/local.yaml, as the reference target seeds them.
export const TOKENS = {
  admin: '1|ttA7kq2Xn9PvL4mR8sW3eY6uB1cD5fG0hJ2kN4pQ',
  member: '2|ttM3vB8nC1xZ6aS9dF2gH5jK7lQ0wE4rT1yU8iO3',
  other: '3|ttO5pL9kJ2hG6fD1sA8zX4cV7bN3mQ0wE5rT9yU2',
  multi: '4|ttW8eR2tY6uI1oP5aS9dF3gH7jK0lZ4xC8vB2nM6',
  pool1: '5|ttP1aQ2bR3cS4dT5eU6fV7gW8hX9iY0jZ1kA2lB3m',
  pool2: '6|ttP2bR3cS4dT5eU6fV7gW8hX9iY0jZ1kA2lB3mC4n',
} as const;

export type Role = keyof typeof TOKENS;
