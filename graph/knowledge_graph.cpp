// implemented by the graph stage
