// Public surface of the workflows package for other packages (types shared with the knowledge subgraph).
export {};
